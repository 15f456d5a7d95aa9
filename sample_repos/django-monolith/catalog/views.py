import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render

from catalog.forms import ReviewForm, SearchForm
from catalog.models import Category, Product
from catalog.search import SearchUnavailable, search_products

logger = logging.getLogger("shopsite")

PAGE_SIZE = 24


def _top_categories():
    categories = cache.get("catalog:top_categories")
    if categories is None:
        categories = list(Category.objects.filter(parent__isnull=True))
        cache.set("catalog:top_categories", categories, 600)
    return categories


def home(request):
    featured = cache.get("catalog:featured")
    if featured is None:
        featured = list(Product.objects.available().order_by("-created_at")[:8])
        cache.set("catalog:featured", featured, 300)
    recently_viewed_ids = request.session.get("recently_viewed", [])
    recently_viewed = Product.objects.filter(pk__in=recently_viewed_ids)
    return render(
        request,
        "catalog/home.html",
        {"featured": featured, "categories": _top_categories(), "recently_viewed": recently_viewed},
    )


def product_list(request):
    products = Product.objects.available().select_related("category")
    sort = request.GET.get("sort", "name")
    if sort in {"name", "price", "-price", "-created_at"}:
        products = products.order_by(sort)
    page = Paginator(products, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "catalog/product_list.html", {"page": page, "categories": _top_categories()})


def category(request, slug):
    current = get_object_or_404(Category, slug=slug)
    products = Product.objects.available().filter(category__in=[current, *current.children.all()])
    page = Paginator(products, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "catalog/product_list.html",
        {"page": page, "category": current, "categories": _top_categories()},
    )


def product_detail(request, slug):
    product = get_object_or_404(Product.objects.select_related("category"), slug=slug, is_active=True)

    # Remember the last few products this visitor looked at (kept in the session).
    viewed = [pk for pk in request.session.get("recently_viewed", []) if pk != product.pk]
    request.session["recently_viewed"] = [product.pk, *viewed][:6]

    reviews = product.reviews.filter(approved=True).select_related("customer__user")[:20]
    return render(
        request,
        "catalog/product_detail.html",
        {
            "product": product,
            "reviews": reviews,
            "rating": product.average_rating(),
            "review_form": ReviewForm(),
        },
    )


@login_required
def add_review(request, slug):
    product = get_object_or_404(Product, slug=slug, is_active=True)
    if request.method != "POST":
        return redirect(product)
    form = ReviewForm(request.POST)
    if form.is_valid():
        review = form.save(commit=False)
        review.product = product
        review.customer = request.user.customer
        try:
            with transaction.atomic():
                review.save()
        except IntegrityError:
            messages.warning(request, "You have already reviewed this product.")
        else:
            messages.success(request, "Thank you! Your review will appear once approved.")
    return redirect(product)


def search(request):
    form = SearchForm(request.GET)
    query = form.data.get("q", "").strip()
    products, total, degraded = [], 0, False
    if query:
        try:
            ids, total = search_products(query, page=int(request.GET.get("page", 1)))
            by_id = Product.objects.in_bulk(ids)
            products = [by_id[pk] for pk in ids if pk in by_id]
        except SearchUnavailable:
            # Fall back to a plain database query when Elasticsearch is down.
            logger.warning("search unavailable, falling back to icontains for %r", query)
            degraded = True
            products = list(Product.objects.available().filter(name__icontains=query)[:PAGE_SIZE])
            total = len(products)
    return render(
        request,
        "catalog/search.html",
        {"form": form, "query": query, "products": products, "total": total, "degraded": degraded},
    )
