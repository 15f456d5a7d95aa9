from django.urls import path

from orders import views

app_name = "orders"

urlpatterns = [
    path("cart/", views.cart_view, name="cart"),
    path("cart/add/<int:product_id>/", views.add_to_cart, name="add"),
    path("cart/update/", views.update_cart, name="update"),
    path("checkout/", views.checkout, name="checkout"),
    path("<str:number>/", views.order_detail, name="detail"),
    path("<str:number>/cancel/", views.cancel, name="cancel"),
    path("<str:number>/invoice/", views.invoice, name="invoice"),
]
