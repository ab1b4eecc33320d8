import re

from tests.peers.push import SubscriberKeys

CODE = re.compile(r"\b(\d{6})\b")
LINK = re.compile(r"https?://\S+")
_KEYS = SubscriberKeys(seed=5)


def code_from(body: str) -> str:
    return CODE.search(body).group(1)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def links_in(text: str) -> list[str]:
    return LINK.findall(text)


def subscribe_data(**overrides) -> dict:
    data = {
        "email": "",
        "phone": "",
        "push_subscription": "",
        "communes": ["21004"],
        "language": "fr",
        "topics": ["Met", "Fire"],
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


FCM_ENDPOINT = "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91bHxyz"


def browser_subscription(endpoint: str = FCM_ENDPOINT, i: int = 0) -> dict:
    """A PushSubscription as a browser gives it (toJSON()), with real P-256 keys."""
    return {"endpoint": endpoint, "expirationTime": None, "keys": _KEYS.keys_json(i)}
