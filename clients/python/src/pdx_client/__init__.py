"""pdx-client: the PDX marketplace API from Python.

    from pdx_client import Pdx, ClientCredentials, PdxProblem
    pdx = Pdx("http://127.0.0.1:8080", ClientCredentials("dev-org-a", "dev-org-a-dev-secret"))
    table = pdx.sandbox.run(license_id, "SELECT district_code, count(*) AS swipes FROM bus_card_swipes GROUP BY district_code")

The typed models (``pdx_client.models``) and one module per operation (``pdx_client.generated.api``) are
generated from the API's OpenAPI document when the package is built.
"""

from .auth import BearerAuth, ClientCredentials, KeycloakToken, Password, StaticToken, TokenProvider
from .client import ARROW_STREAM, MOVING, Pdx, read_arrow_stream
from .generated import models
from .problem import PdxProblem

__all__ = ["ARROW_STREAM", "MOVING", "BearerAuth", "ClientCredentials", "KeycloakToken", "Password", "Pdx",
           "PdxProblem", "StaticToken", "TokenProvider", "models", "read_arrow_stream"]
