"""Product search backed by the Elasticsearch node installed on each web server."""

import logging

import requests
from django.conf import settings

logger = logging.getLogger("shopsite")

SEARCH_URL = getattr(settings, "SEARCH_URL", "http://localhost:9200")


class SearchUnavailable(Exception):
    pass


def _index_url(suffix=""):
    return f"{SEARCH_URL}/{settings.SEARCH_INDEX}{suffix}"


def product_document(product):
    return {
        "sku": product.sku,
        "name": product.name,
        "description": product.description,
        "category": product.category.name,
        "price": float(product.price),
        "in_stock": product.stock > 0,
        "active": product.is_active,
    }


def index_product(product):
    try:
        response = requests.put(
            _index_url(f"/_doc/{product.pk}"),
            json=product_document(product),
            timeout=settings.SEARCH_TIMEOUT,
        )
        response.raise_for_status()
    except requests.RequestException:
        # Search is best-effort: the nightly reindex command catches up.
        logger.warning("could not index product %s", product.pk, exc_info=True)


def remove_product(product_id):
    try:
        requests.delete(_index_url(f"/_doc/{product_id}"), timeout=settings.SEARCH_TIMEOUT)
    except requests.RequestException:
        logger.warning("could not remove product %s from the index", product_id, exc_info=True)


def search_products(query, page=1, per_page=24):
    """Return (product ids in score order, total hits)."""
    body = {
        "from": (page - 1) * per_page,
        "size": per_page,
        "query": {
            "bool": {
                "must": {
                    "multi_match": {
                        "query": query,
                        "fields": ["name^3", "sku^4", "category^2", "description"],
                        "fuzziness": "AUTO",
                    }
                },
                "filter": [{"term": {"active": True}}],
            }
        },
        "_source": False,
    }
    try:
        response = requests.post(_index_url("/_search"), json=body, timeout=settings.SEARCH_TIMEOUT)
        response.raise_for_status()
    except requests.RequestException as exc:
        raise SearchUnavailable(str(exc)) from exc
    hits = response.json()["hits"]
    return [int(hit["_id"]) for hit in hits["hits"]], hits["total"]["value"]
