"""Customer avatar storage under MEDIA_ROOT (served by nginx from /media/)."""

import logging
import os
import uuid

from django.conf import settings
from PIL import Image, UnidentifiedImageError

logger = logging.getLogger("shopsite")

AVATAR_SIZE = (256, 256)


class AvatarError(Exception):
    pass


def avatar_directory(customer):
    return os.path.join(settings.MEDIA_ROOT, "avatars", str(customer.pk))


def save_avatar(customer, uploaded_file):
    """Store the uploaded picture, square-crop it, and return its path relative to MEDIA_ROOT."""
    directory = avatar_directory(customer)
    os.makedirs(directory, exist_ok=True)

    extension = ".png" if uploaded_file.content_type == "image/png" else ".jpg"
    filename = f"{uuid.uuid4().hex}{extension}"
    destination = os.path.join(directory, filename)

    with open(destination, "wb") as fh:
        for chunk in uploaded_file.chunks():
            fh.write(chunk)

    try:
        with Image.open(destination) as picture:
            picture = picture.convert("RGB")
            side = min(picture.size)
            left = (picture.width - side) // 2
            top = (picture.height - side) // 2
            picture = picture.crop((left, top, left + side, top + side)).resize(AVATAR_SIZE)
            picture.save(destination, quality=88)
    except UnidentifiedImageError as exc:
        os.remove(destination)
        raise AvatarError("The file is not a picture we can read.") from exc

    if customer.avatar_path:
        _remove_previous(customer.avatar_path)

    relative = os.path.relpath(destination, settings.MEDIA_ROOT)
    logger.info("avatar stored for customer %s at %s", customer.pk, relative)
    return relative


def _remove_previous(relative_path):
    previous = os.path.join(settings.MEDIA_ROOT, relative_path)
    try:
        os.remove(previous)
    except FileNotFoundError:
        pass
    except OSError:
        logger.warning("could not remove old avatar %s", previous, exc_info=True)
