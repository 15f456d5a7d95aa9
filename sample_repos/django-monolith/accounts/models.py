from django.conf import settings
from django.db import models


class Customer(models.Model):
    """Shop-specific data for a registered user."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="customer")
    phone = models.CharField(max_length=32, blank=True)
    marketing_opt_in = models.BooleanField(default=False)
    avatar_path = models.CharField(max_length=255, blank=True)
    loyalty_points = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self):
        return self.user.get_full_name() or self.user.username

    @property
    def email(self):
        return self.user.email

    def default_address(self):
        return self.addresses.filter(is_default=True).first() or self.addresses.first()


class Address(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="addresses")
    label = models.CharField(max_length=40, default="Home")
    line1 = models.CharField(max_length=120)
    line2 = models.CharField(max_length=120, blank=True)
    city = models.CharField(max_length=80)
    postcode = models.CharField(max_length=12)
    country = models.CharField(max_length=2, default="GB")
    is_default = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "addresses"

    def __str__(self):
        return f"{self.label}: {self.line1}, {self.city} {self.postcode}"

    def as_lines(self):
        return [line for line in (self.line1, self.line2, self.city, self.postcode, self.country) if line]
