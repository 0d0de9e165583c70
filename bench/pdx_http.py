"""The bench scripts' HTTP client for the local platform: JSON calls with a bearer token, and
demo-user tokens from Keycloak's dev-only password grant (client pdx-cli). Loopback only."""
import json, urllib.error, urllib.parse, urllib.request

API, KC, OPA = "http://127.0.0.1:8080", "http://127.0.0.1:8180", "http://127.0.0.1:8181"


def call(method, url, body=None, token=None, form=None, raw=False, timeout=300, accept=None):
    """(status, parsed JSON or text) — or (status, bytes) with raw=True; HTTP errors are returned, not raised."""
    data = json.dumps(body).encode() if body is not None else (urllib.parse.urlencode(form).encode() if form else None)
    request = urllib.request.Request(url, data=data, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if accept:
        request.add_header("Accept", accept)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = response.read()
            if raw:
                return response.status, payload
            text = payload.decode()
            return response.status, (json.loads(text) if text.startswith(("{", "[")) else text)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def token(user):
    return call("POST", KC + "/realms/pdx/protocol/openid-connect/token",
                form={"grant_type": "password", "client_id": "pdx-cli", "username": user, "password": "pdx-demo"})[1]["access_token"]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered))) - 1))]
