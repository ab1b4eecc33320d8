"""The StreamField blocks shared by every preparedness page.

One StructBlock per concept, each with its icon, template and preview value, and one
`BaseStreamBlock` that every page body uses.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# lang-xx: mark a name or a quotation in another language (campaigns.language_hooks).
RICH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"] + [
    "lang-fr",
    "lang-nl",
    "lang-en",
    "lang-de",
]


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "campaigns/blocks/rich_text_block.html"
        label = _("Text")
        preview_value = "<p>Gardez toujours une lampe de poche et une radio à piles.</p>"
        description = _("Paragraphs, lists and links.")


class CalloutBlock(blocks.StructBlock):
    """A highlighted box: information, advice or warning."""

    level = blocks.ChoiceBlock(
        choices=[
            ("info", _("Information")),
            ("advice", _("Advice")),
            ("warning", _("Warning")),
        ],
        default="info",
        label=_("level"),
    )
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        template = "campaigns/blocks/callout_block.html"
        label = _("Call-out")
        preview_value = {
            "level": "warning",
            "title": "Danger immédiat",
            "text": "<p>Appelez le 112.</p>",
        }
        description = _("A highlighted box for advice or a warning.")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.RichTextBlock(
        label=_("text"), features=["bold", "italic", "link", "ul"], required=False
    )

    class Meta:
        icon = "list-ol"


class StepsBlock(blocks.StructBlock):
    """Numbered steps, in the order a citizen should follow them."""

    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    steps = blocks.ListBlock(StepBlock(), label=_("steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "campaigns/blocks/steps_block.html"
        label = _("Numbered steps")
        preview_value = {
            "title": "Pendant l'inondation",
            "steps": [
                {"title": "Coupez l'électricité", "text": "<p>Si l'eau approche.</p>"},
                {"title": "Montez à l'étage", "text": ""},
            ],
        }
        description = _("Steps to follow in order.")


class ChecklistBlock(blocks.StructBlock):
    """A list of things to check or to have, shown as a checklist."""

    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("item"), max_length=200), label=_("items"), min_num=1
    )

    class Meta:
        icon = "tasks"
        template = "campaigns/blocks/checklist_block.html"
        label = _("Checklist")
        preview_value = {"title": "À vérifier", "items": ["Lampe de poche", "Radio à piles"]}
        description = _("Things to have or to check.")


class ImageBlock(blocks.StructBlock):
    """An image with its text alternative (required) and an optional caption."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        required=True,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "campaigns/blocks/image_block.html"
        label = _("Image")
        description = _("An image with its text alternative.")


class DocumentBlock(blocks.StructBlock):
    """A downloadable document (leaflet, poster, plan template)."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), max_length=160, required=False)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "doc-full"
        template = "campaigns/blocks/document_block.html"
        label = _("Document download")
        description = _("A file to download, such as a leaflet or a poster.")


class VideoBlock(blocks.StructBlock):
    """A video file (MP4/WebM) or a link to a video page, always with its transcript."""

    title = blocks.CharBlock(label=_("title"), max_length=160)
    url = blocks.URLBlock(
        label=_("video address"),
        help_text=_("A .mp4 or .webm file is played in the page; any other address is linked."),
    )
    captions_url = blocks.URLBlock(label=_("captions (WebVTT) address"), required=False)
    transcript = blocks.RichTextBlock(
        label=_("transcript"), features=["bold", "italic", "ul", "ol", "link"]
    )

    class Meta:
        icon = "media"
        template = "campaigns/blocks/video_block.html"
        label = _("Video with transcript")
        preview_value = {
            "title": "Préparer son kit d'urgence",
            "url": "https://example.org/kit.mp4",
            "transcript": "<p>Voici ce qu'il faut mettre dans votre kit.</p>",
        }
        description = _("A video and its full text transcript.")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("answer"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"


class FAQBlock(blocks.StructBlock):
    """Questions and answers, each answer folded under its question."""

    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    questions = blocks.ListBlock(QuestionBlock(), label=_("questions"), min_num=1)

    class Meta:
        icon = "help"
        template = "campaigns/blocks/faq_block.html"
        label = _("FAQ")
        preview_value = {
            "title": "Questions fréquentes",
            "questions": [{"question": "Qui appeler ?", "answer": "<p>Le 112.</p>"}],
        }
        description = _("Frequently asked questions.")


class RelatedPagesBlock(blocks.StructBlock):
    """Links to other pages of the portal, in the reader's language."""

    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("page")), label=_("pages"))

    class Meta:
        icon = "link"
        template = "campaigns/blocks/related_pages_block.html"
        label = _("Related pages")
        description = _("Links to other pages of the portal.")


class ContactCardBlock(blocks.StructBlock):
    """Who to contact: a service, with its phone, email and website."""

    name = blocks.CharBlock(label=_("name"), max_length=160)
    role = blocks.CharBlock(label=_("role"), max_length=160, required=False)
    phone = blocks.CharBlock(label=_("telephone"), max_length=40, required=False)
    email = blocks.EmailBlock(label=_("email"), required=False)
    website = blocks.URLBlock(label=_("website"), required=False)
    address = blocks.TextBlock(label=_("address"), required=False)

    class Meta:
        icon = "user"
        template = "campaigns/blocks/contact_card_block.html"
        label = _("Contact card")
        preview_value = {"name": "Urgences", "role": "Pompiers et ambulance", "phone": "112"}
        description = _("A service or person to contact.")


class BaseStreamBlock(blocks.StreamBlock):
    """The block set every preparedness page body is written with."""

    text = RichTextBlock()
    callout = CalloutBlock()
    steps = StepsBlock()
    checklist = ChecklistBlock()
    image = ImageBlock()
    document = DocumentBlock()
    video = VideoBlock()
    faq = FAQBlock()
    related_pages = RelatedPagesBlock()
    contact = ContactCardBlock()
