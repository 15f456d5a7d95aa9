from django.contrib import admin, messages
from django.shortcuts import redirect, render
from django.urls import path

from catalog.forms import ProductImageForm
from catalog.media import store_product_image
from catalog.models import Category, Product, ProductImage, Review


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "position"]
    prepopulated_fields = {"slug": ["name"]}


class ProductImageInline(admin.TabularInline):
    model = ProductImage
    extra = 0
    readonly_fields = ["path", "thumbnail_path"]


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["sku", "name", "category", "price", "stock", "is_active"]
    list_filter = ["category", "is_active"]
    search_fields = ["sku", "name"]
    inlines = [ProductImageInline]

    def get_urls(self):
        custom = [
            path("upload-image/", self.admin_site.admin_view(self.upload_image), name="catalog_upload_image"),
        ]
        return custom + super().get_urls()

    def upload_image(self, request):
        form = ProductImageForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            image = store_product_image(
                form.cleaned_data["product"], form.cleaned_data["image"], form.cleaned_data["alt_text"]
            )
            self.message_user(request, f"Uploaded {image.path}", messages.SUCCESS)
            return redirect("admin:catalog_product_change", image.product_id)
        context = {**self.admin_site.each_context(request), "form": form, "title": "Upload product image"}
        return render(request, "catalog/admin_upload_image.html", context)


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["product", "customer", "rating", "approved", "created_at"]
    list_filter = ["approved", "rating"]
    actions = ["approve"]

    @admin.action(description="Approve selected reviews")
    def approve(self, request, queryset):
        updated = queryset.update(approved=True)
        self.message_user(request, f"{updated} review(s) approved.")
