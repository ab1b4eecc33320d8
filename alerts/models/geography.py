from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Commune(models.Model):
    """One of the 19 communes of the region; shipped as data (see alerts/data/communes.py)."""

    nis_code = models.CharField(_("NIS code"), max_length=5, primary_key=True)
    name_fr = models.CharField(_("name (French)"), max_length=80)
    name_nl = models.CharField(_("name (Dutch)"), max_length=80)
    postcodes = models.JSONField(_("postcodes"), default=list)
    latitude = models.FloatField(_("approximate centre latitude"))
    longitude = models.FloatField(_("approximate centre longitude"))

    class Meta:
        ordering = ["name_fr"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language; bilingual in English, as on Brussels signage."""
        language = (translation.get_language() or "fr")[:2]
        if language == "nl":
            return self.name_nl
        if language == "en" and self.name_nl != self.name_fr:
            return f"{self.name_fr} / {self.name_nl}"
        return self.name_fr
