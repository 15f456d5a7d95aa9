from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from accounts.forms import AddressForm, AvatarForm, RegistrationForm
from accounts.models import Address, Customer
from accounts.uploads import AvatarError, save_avatar
from orders.models import Order


def register(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if form.is_valid():
            with transaction.atomic():
                user = form.save()
                Customer.objects.create(user=user, marketing_opt_in=form.cleaned_data["marketing_opt_in"])
            login(request, user)
            messages.success(request, "Welcome! Your account has been created.")
            return redirect(request.session.pop("after_login", None) or "catalog:product_list")
    else:
        form = RegistrationForm()
    return render(request, "accounts/register.html", {"form": form})


@login_required
def profile(request):
    customer = request.user.customer
    recent_orders = Order.objects.filter(customer=customer).order_by("-placed_at")[:10]
    return render(
        request,
        "accounts/profile.html",
        {"customer": customer, "orders": recent_orders, "avatar_form": AvatarForm()},
    )


@login_required
def upload_avatar(request):
    if request.method != "POST":
        return redirect("accounts:profile")
    form = AvatarForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("avatar", []):
            messages.error(request, error)
        return redirect("accounts:profile")
    customer = request.user.customer
    try:
        customer.avatar_path = save_avatar(customer, form.cleaned_data["avatar"])
    except AvatarError as exc:
        messages.error(request, str(exc))
        return redirect("accounts:profile")
    customer.save(update_fields=["avatar_path"])
    messages.success(request, "Your picture has been updated.")
    return redirect("accounts:profile")


@login_required
def address_book(request):
    customer = request.user.customer
    if request.method == "POST":
        form = AddressForm(request.POST)
        if form.is_valid():
            with transaction.atomic():
                address = form.save(commit=False)
                address.customer = customer
                if address.is_default or not customer.addresses.exists():
                    customer.addresses.update(is_default=False)
                    address.is_default = True
                address.save()
            messages.success(request, "Address saved.")
            return redirect("accounts:addresses")
    else:
        form = AddressForm()
    return render(request, "accounts/addresses.html", {"form": form, "addresses": customer.addresses.all()})


@login_required
def delete_address(request, pk):
    address = get_object_or_404(Address, pk=pk, customer=request.user.customer)
    if request.method == "POST":
        address.delete()
        messages.info(request, "Address removed.")
    return redirect("accounts:addresses")
