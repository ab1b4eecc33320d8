from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files (whitenoise) for production.

    A vendored library may point at a source map it does not ship (Leaflet's
    `leaflet.js.map`): that one reference is left as it is instead of failing
    collectstatic. Any other missing file still fails it.
    """

    def url_converter(self, name, hashed_files, template=None):
        convert = super().url_converter(name, hashed_files, template)

        def tolerant(matchobj):
            try:
                return convert(matchobj)
            except ValueError:
                if matchobj.groupdict().get("url", "").strip().endswith(".map"):
                    return matchobj.group(0)
                raise

        return tolerant
