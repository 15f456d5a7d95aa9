from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from catalog.models import Product
from catalog.search import index_product, remove_product


@receiver(post_save, sender=Product)
def product_saved(sender, instance, **kwargs):
    index_product(instance)


@receiver(post_delete, sender=Product)
def product_deleted(sender, instance, **kwargs):
    remove_product(instance.pk)
