"""Product pictures: stored under MEDIA_ROOT/products/<id>/ with a JPEG thumbnail next to them."""

import logging
import os
import re

from django.conf import settings
from PIL import Image

from catalog.models import ProductImage

logger = logging.getLogger("shopsite")

THUMBNAIL_SIZE = (320, 320)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _safe_name(name):
    base, ext = os.path.splitext(os.path.basename(name))
    return f"{_UNSAFE.sub('-', base).strip('-').lower() or 'image'}{ext.lower()}"


def store_product_image(product, uploaded_file, alt_text=""):
    directory = os.path.join(settings.MEDIA_ROOT, "products", str(product.pk))
    os.makedirs(directory, exist_ok=True)

    filename = _safe_name(uploaded_file.name)
    destination = os.path.join(directory, filename)
    with open(destination, "wb") as fh:
        for chunk in uploaded_file.chunks():
            fh.write(chunk)

    thumbnail_name = f"thumb_{os.path.splitext(filename)[0]}.jpg"
    with Image.open(destination) as picture:
        picture.thumbnail(THUMBNAIL_SIZE)
        picture.convert("RGB").save(os.path.join(directory, thumbnail_name), "JPEG", quality=85)

    position = product.images.count()
    image = ProductImage.objects.create(
        product=product,
        path=os.path.relpath(destination, settings.MEDIA_ROOT),
        thumbnail_path=os.path.relpath(os.path.join(directory, thumbnail_name), settings.MEDIA_ROOT),
        alt_text=alt_text or product.name,
        position=position,
    )
    logger.info("stored image %s for product %s", image.path, product.sku)
    return image
