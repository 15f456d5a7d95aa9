from django.contrib import admin

from accounts.models import Address, Customer


class AddressInline(admin.TabularInline):
    model = Address
    extra = 0


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ["__str__", "email", "phone", "loyalty_points", "created_at"]
    search_fields = ["user__username", "user__email", "user__last_name", "phone"]
    inlines = [AddressInline]
