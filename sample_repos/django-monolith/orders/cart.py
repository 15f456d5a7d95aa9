"""The shopping cart lives in the visitor's session: {product_id: quantity}."""

from decimal import Decimal

from django.conf import settings

from catalog.models import Product

SESSION_KEY = "cart"


class Cart:
    def __init__(self, session):
        self.session = session
        self.items = {str(k): int(v) for k, v in session.get(SESSION_KEY, {}).items()}

    def _save(self):
        self.session[SESSION_KEY] = self.items
        self.session.modified = True

    def add(self, product, quantity=1):
        key = str(product.pk)
        self.items[key] = min(self.items.get(key, 0) + quantity, max(product.stock, 0))
        if self.items[key] <= 0:
            self.items.pop(key)
        self._save()

    def set(self, product, quantity):
        key = str(product.pk)
        if quantity <= 0:
            self.items.pop(key, None)
        else:
            self.items[key] = min(quantity, product.stock)
        self._save()

    def clear(self):
        self.items = {}
        self._save()

    def __len__(self):
        return sum(self.items.values())

    def lines(self):
        products = Product.objects.in_bulk([int(pk) for pk in self.items])
        for key, quantity in self.items.items():
            product = products.get(int(key))
            if product is not None and product.is_active:
                yield product, quantity

    def totals(self):
        subtotal = Decimal("0.00")
        vat = Decimal("0.00")
        for product, quantity in self.lines():
            subtotal += product.price * quantity
            vat += product.price * product.vat_rate * quantity
        shipping = Decimal("0.00") if subtotal >= settings.FREE_SHIPPING_THRESHOLD else Decimal(
            str(settings.STANDARD_SHIPPING)
        )
        vat = vat.quantize(Decimal("0.01"))
        return {"subtotal": subtotal, "vat": vat, "shipping": shipping, "total": subtotal + vat + shipping}
