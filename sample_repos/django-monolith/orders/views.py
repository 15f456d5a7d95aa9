import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from catalog.models import Product
from orders.cart import Cart
from orders.invoices import read_invoice
from orders.models import Order
from orders.payments import PaymentDeclined
from orders.services import OutOfStock, cancel_order, place_order

logger = logging.getLogger("shopsite")


def cart_view(request):
    cart = Cart(request.session)
    return render(request, "orders/cart.html", {"lines": list(cart.lines()), "totals": cart.totals()})


@require_POST
def add_to_cart(request, product_id):
    product = get_object_or_404(Product, pk=product_id, is_active=True)
    try:
        quantity = max(int(request.POST.get("quantity", 1)), 1)
    except ValueError:
        quantity = 1
    Cart(request.session).add(product, quantity)
    messages.success(request, f"Added {product.name} to your basket.")
    return redirect(request.POST.get("next") or "orders:cart")


@require_POST
def update_cart(request):
    cart = Cart(request.session)
    products = Product.objects.in_bulk([int(k.split("_", 1)[1]) for k in request.POST if k.startswith("qty_")])
    for key, value in request.POST.items():
        if not key.startswith("qty_"):
            continue
        product = products.get(int(key.split("_", 1)[1]))
        if product is not None:
            cart.set(product, int(value or 0))
    return redirect("orders:cart")


@login_required
def checkout(request):
    cart = Cart(request.session)
    if not len(cart):
        messages.info(request, "Your basket is empty.")
        return redirect("catalog:product_list")
    customer = request.user.customer
    addresses = customer.addresses.all()
    if request.method == "POST":
        address = get_object_or_404(addresses, pk=request.POST.get("address"))
        try:
            order = place_order(customer, address, cart, request.POST.get("card_token", ""))
        except OutOfStock as exc:
            messages.error(request, str(exc))
            return redirect("orders:cart")
        except PaymentDeclined as exc:
            messages.error(request, str(exc))
            return redirect("orders:checkout")
        cart.clear()
        return redirect(order)
    return render(
        request,
        "orders/checkout.html",
        {"lines": list(cart.lines()), "totals": cart.totals(), "addresses": addresses},
    )


@login_required
def order_detail(request, number):
    order = get_object_or_404(Order, number=number, customer=request.user.customer)
    return render(request, "orders/detail.html", {"order": order, "lines": order.lines.select_related("product")})


@login_required
@require_POST
def cancel(request, number):
    order = get_object_or_404(Order, number=number, customer=request.user.customer)
    try:
        cancel_order(order)
    except ValueError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Order {order.number} has been cancelled.")
    return redirect(order)


@login_required
def invoice(request, number):
    order = get_object_or_404(Order, number=number, customer=request.user.customer)
    if not order.invoice_file:
        raise Http404("No invoice for this order yet.")
    try:
        content = read_invoice(order)
    except FileNotFoundError:
        # Invoices live on the server that took the order; the other one may not have it.
        logger.error("invoice file %s missing on this server", order.invoice_file)
        raise Http404("The invoice is not available right now.")
    response = HttpResponse(content, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{order.number}.txt"'
    return response
