from django.contrib import admin

from orders.models import Order, OrderLine, Payment
from orders.services import mark_shipped


class OrderLineInline(admin.TabularInline):
    model = OrderLine
    extra = 0
    readonly_fields = ["product", "quantity", "unit_price", "vat_rate"]


class PaymentInline(admin.TabularInline):
    model = Payment
    extra = 0
    readonly_fields = ["provider_reference", "amount", "succeeded", "created_at"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["number", "customer", "status", "total", "placed_at", "shipped_at"]
    list_filter = ["status"]
    search_fields = ["number", "customer__user__email"]
    date_hierarchy = "placed_at"
    inlines = [OrderLineInline, PaymentInline]
    actions = ["ship"]

    @admin.action(description="Mark selected orders as shipped")
    def ship(self, request, queryset):
        updated = mark_shipped(list(queryset.values_list("pk", flat=True)))
        self.message_user(request, f"{updated} order(s) marked as shipped.")
