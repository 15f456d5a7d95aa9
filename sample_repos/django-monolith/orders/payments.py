"""Card payments through the payment provider's HTTP API."""

import logging
import uuid

import requests

logger = logging.getLogger("orders.payments")

PROVIDER_URL = "https://api.payments.example.com/v2/charges"
PROVIDER_KEY = "pk_live_51HqA2bShopsite"


class PaymentDeclined(Exception):
    pass


def charge(order, card_token):
    reference = f"{order.number}-{uuid.uuid4().hex[:8]}"
    payload = {
        "amount": int(order.total * 100),
        "currency": "GBP",
        "source": card_token,
        "reference": reference,
        "description": f"Order {order.number}",
    }
    logger.info("charging order %s amount %s", order.number, order.total)
    try:
        response = requests.post(
            PROVIDER_URL, json=payload, headers={"Authorization": f"Bearer {PROVIDER_KEY}"}, timeout=15
        )
    except requests.RequestException as exc:
        logger.error("payment provider unreachable for %s: %s", order.number, exc)
        raise PaymentDeclined("The payment service is not responding. Please try again.") from exc
    data = response.json()
    if response.status_code != 200 or data.get("status") != "succeeded":
        logger.warning("payment declined for %s: %s", order.number, data.get("failure_message"))
        raise PaymentDeclined(data.get("failure_message") or "Your card was declined.")
    logger.info("payment %s succeeded for %s", data["id"], order.number)
    return reference, data
