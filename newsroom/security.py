"""The Content-Security-Policy every page is sent with (django-csp; README: "Security").

The reader site allows nothing inline: scripts, styles, images and fonts come from the site
itself, nothing may frame it, and forms post only to it. The admin gets two relaxations:
Django's, django-import-export's and django-simple-history's templates carry a few `style`
attributes, so admin pages allow inline styles; and django-import-export's export page one
event handler, allowed by its hash alone (no other inline script runs anywhere).
"""

import base64
import hashlib

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware


def _script_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


ADMIN_POLICY = {
    "style-src": [UNSAFE_INLINE],
    # The export form's "select all" box (import_export/templates/.../export.html).
    "script-src-attr": ["'unsafe-hashes'", _script_hash("onSelectToggleChange(event)")],
}


def _is_admin(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and "admin" in match.namespaces


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if _is_admin(request) and not hasattr(response, "_csp_update"):
            response._csp_update = ADMIN_POLICY
        return super().process_response(request, response)
