"""Python: Django models and relations, SQLAlchemy models and tables, Alembic migrations, transactions."""

from __future__ import annotations

from tests.unit.analyzers.data_support import MakeApp, accesses, analyze, findings, keys, tables, transactions

CATALOG_MODELS = """\
from django.conf import settings
from django.db import models


class TimeStamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Category(TimeStamped):
    name = models.CharField(max_length=80)
    parent = models.ForeignKey("self", null=True, on_delete=models.CASCADE, related_name="children")


class Product(TimeStamped):
    category = models.ForeignKey(Category, on_delete=models.PROTECT)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    tags = models.ManyToManyField("catalog.Tag", blank=True)

    class Meta:
        db_table = "products"


class Tag(models.Model):
    label = models.SlugField()
"""

ORDER_MODELS = """\
from django.db import models

from catalog.models import Product


class Order(models.Model):
    placed = models.DateTimeField()


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, db_column="sku_id")
    quantity = models.PositiveIntegerField()
"""

ORDER_SERVICES = """\
from django.db import connection, transaction

from catalog.models import Product
from orders.models import Order, OrderLine


def _reserve(product_id, quantity):
    Product.objects.filter(pk=product_id).update(stock=quantity)


@transaction.atomic
def place_order(cart):
    order = Order.objects.create(placed=cart.placed)
    for item in cart.items:
        OrderLine.objects.create(order=order, product_id=item.product_id, quantity=item.quantity)
        _reserve(item.product_id, item.quantity)
    return order


def cancel(order_id):
    with transaction.atomic():
        order = Order.objects.get(pk=order_id)
        order.lines.all().delete()
        order.delete()


def close_month():
    with connection.cursor() as cursor:
        cursor.callproc("close_month", [])
"""


def test_django_models_foreign_keys_and_many_to_many(make_app: MakeApp) -> None:
    result = analyze(
        make_app, {"shop/catalog/models.py": CATALOG_MODELS, "shop/orders/models.py": ORDER_MODELS}
    )
    # app label + model name, db_table wins, the abstract base has no table, m2m gets a join table
    assert tables(result) == [
        "catalog_category",
        "catalog_tag",
        "orders_order",
        "orders_orderline",
        "products",
        "products_tags",
    ]
    assert {(e.unit, e.table, e.orm) for e in result.model.entities} == {
        ("shop.catalog.models", "catalog_category", "django"),
        ("shop.catalog.models", "catalog_tag", "django"),
        ("shop.catalog.models", "products", "django"),
        ("shop.orders.models", "orders_order", "django"),
        ("shop.orders.models", "orders_orderline", "django"),
    }
    assert keys(result) == {
        ("catalog_category", "catalog_category", ("parent_id",)),
        ("products", "catalog_category", ("category_id",)),
        ("products", "auth_user", ("owner_id",)),
        ("products_tags", "products", ()),
        ("products_tags", "catalog_tag", ()),
        ("orders_orderline", "orders_order", ("order_id",)),
        ("orders_orderline", "products", ("sku_id",)),
    }


def test_django_atomic_transactions_follow_calls(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {
            "shop/catalog/models.py": CATALOG_MODELS,
            "shop/orders/models.py": ORDER_MODELS,
            "shop/orders/services.py": ORDER_SERVICES,
        },
    )
    unit = "shop.orders.services"
    assert accesses(result) == {
        (unit, "products", "write"),
        (unit, "orders_order", "read"),
        (unit, "orders_order", "write"),
        (unit, "orders_orderline", "write"),
    }
    # the decorator covers the function; the context manager covers its block only
    assert transactions(result) == {
        ("place_order", "django", ("orders_order", "orders_orderline", "products")),
        ("cancel", "django", ("orders_order", "orders_orderline")),
    }
    place = next(t for t in result.model.transactions if t.name == "place_order")
    assert (place.line, place.depth, place.unresolved) == (11, 1, ())  # products via _reserve()
    cancel = next(t for t in result.model.transactions if t.name == "cancel")
    assert (cancel.line, cancel.depth) == (21, 0)
    assert findings(result) == {("stored-procedure", "shop/orders/services.py", 29)}


SQLALCHEMY_MODELS = """\
from sqlalchemy import Column, ForeignKey, Integer, Numeric, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


invoice_tags = Table(
    "invoice_tags",
    Base.metadata,
    Column("invoice_id", ForeignKey("invoices.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),
)


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = {"schema": "billing"}

    id: Mapped[int] = mapped_column(primary_key=True)
    invoices = relationship("Invoice", back_populates="account")


class Invoice(Base):
    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    total = Column(Numeric(12, 2))
    account = relationship("Account", back_populates="invoices")


class Tag(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
"""

SQLALCHEMY_SERVICE = """\
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from billing.models import Account, Invoice


class InvoiceService:
    def __init__(self, session: Session):
        self.session = session

    def bill(self, account_id, amount):
        with self.session.begin():
            account = self.session.get(Account, account_id)
            self.session.add(Invoice(account_id=account.id, total=amount))

    def totals(self):
        return self.session.execute(select(Invoice).where(Invoice.total > 0)).scalars().all()


def close_all(engine):
    with engine.begin() as conn:
        conn.execute(update(Invoice).where(Invoice.total < 0).values(total=0))
"""

ALEMBIC = """\
import sqlalchemy as sa
from alembic import op

revision = "0001"


def upgrade():
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("invoice_id", sa.Integer(), sa.ForeignKey("invoices.id"), nullable=False),
    )
    op.create_table(
        "refunds",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("payment_id", sa.Integer()),
        sa.ForeignKeyConstraint(["payment_id"], ["payments.id"]),
    )
    op.create_foreign_key("fk_invoice_account", "invoices", "accounts", ["account_id"], ["id"])
    op.execute("CREATE TRIGGER refunds_audit AFTER INSERT ON refunds FOR EACH ROW EXECUTE FUNCTION audit()")


def downgrade():
    op.drop_table("refunds")
    op.drop_table("payments")
"""


def test_sqlalchemy_models_core_tables_and_alembic(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {"billing/models.py": SQLALCHEMY_MODELS, "migrations/versions/0001_init.py": ALEMBIC},
    )
    assert [(t.name, t.source, t.schema) for t in result.model.tables] == [
        ("accounts", "sqlalchemy", "billing"),
        ("invoice_tags", "sqlalchemy", None),
        ("invoices", "sqlalchemy", None),
        ("payments", "alembic", None),
        ("refunds", "alembic", None),
        ("tags", "sqlalchemy", None),
    ]
    # the association table's keys stop at the end of its Table(...) call
    assert {(k.table, k.ref_table, k.columns, k.ref_columns) for k in result.model.foreign_keys} == {
        ("invoice_tags", "invoices", ("invoice_id",), ("id",)),
        ("invoice_tags", "tags", ("tag_id",), ("id",)),
        ("invoices", "accounts", ("account_id",), ("id",)),
        ("payments", "invoices", ("invoice_id",), ("id",)),
        ("refunds", "payments", ("payment_id",), ("id",)),
    }
    assert findings(result) == {("database-trigger", "migrations/versions/0001_init.py", 20)}


def test_sqlalchemy_session_and_engine_transactions(make_app: MakeApp) -> None:
    result = analyze(
        make_app, {"billing/models.py": SQLALCHEMY_MODELS, "billing/service.py": SQLALCHEMY_SERVICE}
    )
    assert {(a.table, a.mode, a.line) for a in result.model.accesses} == {
        ("accounts", "read", 13),  # session.get(Account, …)
        ("invoices", "write", 14),  # session.add(Invoice(…))
        ("invoices", "read", 17),  # select(Invoice).where(…)
        ("invoices", "write", 22),  # update(Invoice).where(…).values(…)
    }
    assert transactions(result) == {
        ("bill", "sqlalchemy", ("accounts", "invoices")),
        ("close_all", "sqlalchemy", ("invoices",)),
    }
    assert {t.unit for t in result.model.transactions} == {"billing.service"}


def _chain(length: int) -> str:
    """A transaction whose only table write sits ``length`` calls deep."""
    lines = ["from django.db import transaction", "from orders.models import Order", "", ""]
    lines += ["@transaction.atomic", "def step0():", "    step1()", "", ""]
    for n in range(1, length):
        lines += [f"def step{n}():", f"    step{n + 1}()", "", ""]
    lines += [f"def step{length}():", "    Order.objects.all().delete()", ""]
    return "\n".join(lines)


def test_depth_ambiguous_calls_and_depth_limit_are_recorded(make_app: MakeApp) -> None:
    ambiguous = (
        "from django.db import transaction\n\n\n"
        "@transaction.atomic\n"
        "def settle(order):\n"
        "    recalculate(order)\n"
        "    order.save()\n"
    )
    result = analyze(
        make_app,
        {
            "shop/orders/models.py": ORDER_MODELS,
            "shop/catalog/models.py": CATALOG_MODELS,
            "shop/orders/settle.py": ambiguous,
            "shop/orders/pricing.py": "def recalculate(order):\n    return 1\n",
            "shop/catalog/pricing.py": "def recalculate(product):\n    return 2\n",
            "shop/orders/deep.py": _chain(3),
            "shop/orders/deeper.py": _chain(8).replace("step", "hop"),
        },
    )
    by_name = {t.name: t for t in result.model.transactions}
    # two functions of that name and no import to choose: the call is recorded, not guessed
    assert (by_name["settle"].tables, by_name["settle"].unresolved) == (("orders_order",), ("recalculate",))
    assert (by_name["step0"].tables, by_name["step0"].depth, by_name["step0"].unresolved) == (
        ("orders_order",),
        3,
        (),
    )
    deeper = by_name["hop0"]
    assert (deeper.tables, deeper.depth, deeper.unresolved) == ((), 6, ("hop7 (depth limit)",))


def test_an_unresolved_call_is_listed_on_one_short_line(make_app: MakeApp) -> None:
    long_receiver = " or ".join(f"batch_{i}" for i in range(40))
    result = analyze(
        make_app,
        {
            "app/jobs.py": (
                "from django.db import transaction\n\n\n"
                "class Export:\n    def reconcile(self):\n        return 1\n\n\n"
                "class Import:\n    def reconcile(self):\n        return 2\n\n\n"
                "def run(batch_0, batch_1):\n"
                "    with transaction.atomic():\n"
                f"        ({long_receiver}\n         ).reconcile()\n"
            ),
        },
    )
    (run,) = result.model.transactions
    (shown,) = run.unresolved
    # two classes declare reconcile(): which one runs cannot be told, and the call says so briefly
    assert shown.startswith("(batch_0 or batch_1 or ") and shown.endswith("…")
    assert len(shown) == 120 and "\n" not in shown
