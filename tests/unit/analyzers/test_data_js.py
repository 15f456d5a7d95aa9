"""JavaScript / TypeScript: TypeORM entities, Sequelize models, Prisma schemas, their transactions."""

from __future__ import annotations

from tests.unit.analyzers.data_support import MakeApp, accesses, analyze, findings, keys, tables, transactions

CUSTOMER = """\
import { Entity, PrimaryGeneratedColumn, OneToMany } from "typeorm";
import { Order } from "./Order";

@Entity({ name: "customers" })
export class Customer {
  @PrimaryGeneratedColumn()
  id!: number;

  @OneToMany(() => Order, (order) => order.customer)
  orders!: Order[];
}
"""

ORDER = """\
import { Entity, PrimaryGeneratedColumn, ManyToOne, ManyToMany, JoinColumn, JoinTable } from "typeorm";
import { Customer } from "./Customer";
import { Coupon } from "./Coupon";

@Entity("orders")
export class Order {
  @PrimaryGeneratedColumn()
  id!: number;

  @ManyToOne(() => Customer, (customer) => customer.orders)
  @JoinColumn({ name: "customer_id" })
  customer!: Customer;

  @ManyToMany(() => Coupon)
  @JoinTable({ name: "order_coupons" })
  coupons!: Coupon[];
}
"""

COUPON = """\
import { Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity()
export class SeasonalCoupon {
  @PrimaryGeneratedColumn()
  id!: number;
}
"""

ORDER_SERVICE = """\
import { DataSource, Repository } from "typeorm";
import { Customer } from "../entities/Customer";
import { Order } from "../entities/Order";

export class OrderService {
  constructor(private readonly dataSource: DataSource, private readonly orders: Repository<Order>) {}

  async place(customerId: number): Promise<Order> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await manager.findOne(Customer, { where: { id: customerId } });
      const order = manager.create(Order, { customer });
      return manager.save(Order, order);
    });
  }

  async recent(): Promise<Order[]> {
    return this.orders.find({ take: 10 });
  }

  async purge(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.startTransaction();
    await runner.query("DELETE FROM order_coupons WHERE order_id NOT IN (SELECT id FROM orders)");
    await runner.commitTransaction();
  }
}
"""


def test_typeorm_entities_relations_and_transactions(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {
            "src/entities/Customer.ts": CUSTOMER,
            "src/entities/Order.ts": ORDER,
            "src/entities/Coupon.ts": COUPON.replace("SeasonalCoupon", "Coupon"),
            "src/services/OrderService.ts": ORDER_SERVICE,
        },
    )
    assert tables(result) == ["coupon", "customers", "order_coupons", "orders"]
    assert {(e.unit, e.table, e.orm) for e in result.model.entities} == {
        ("src/entities/Coupon", "coupon", "typeorm"),
        ("src/entities/Customer", "customers", "typeorm"),
        ("src/entities/Order", "orders", "typeorm"),
    }
    assert keys(result) == {
        ("orders", "customers", ("customer_id",)),
        ("order_coupons", "orders", ()),
        ("order_coupons", "coupon", ()),
    }
    unit = "src/services/OrderService"
    assert {(a.table, a.mode, a.via, a.line) for a in result.model.accesses} == {
        ("customers", "read", "typeorm", 10),  # manager.findOne(Customer, …)
        ("orders", "write", "typeorm", 11),
        ("orders", "write", "typeorm", 12),
        ("orders", "read", "repository", 17),  # this.orders: Repository<Order>
        ("order_coupons", "write", "sql", 23),
        ("orders", "read", "sql", 23),
    }
    assert {a.unit for a in result.model.accesses} == {unit}
    assert transactions(result) == {
        ("place", "typeorm", ("customers", "orders")),
        ("purge", "typeorm", ("order_coupons", "orders")),  # QueryRunner.startTransaction()
    }


def test_typeorm_default_table_name_is_snake_case(make_app: MakeApp) -> None:
    result = analyze(make_app, {"src/Coupon.ts": COUPON})
    assert tables(result) == ["seasonal_coupon"]


SEQUELIZE_MODELS = """\
const { Sequelize, DataTypes, Model } = require("sequelize");
const sequelize = new Sequelize(process.env.DATABASE_URL);

const User = sequelize.define("User", { email: DataTypes.STRING });
const Post = sequelize.define("post", { title: DataTypes.STRING }, { tableName: "blog_posts" });

class Tag extends Model {}
Tag.init({ name: DataTypes.STRING }, { sequelize, modelName: "tag", freezeTableName: true });

Post.belongsTo(User, { foreignKey: "author_id" });
User.hasMany(Post, { foreignKey: "author_id" });
Post.belongsToMany(Tag, { through: "post_tags" });

module.exports = { sequelize, User, Post, Tag };
"""

SEQUELIZE_SERVICE = """\
const { sequelize, User, Post } = require("../models");

async function publish(userId, title) {
  return sequelize.transaction(async (t) => {
    const user = await User.findByPk(userId, { transaction: t });
    await Post.create({ title, author_id: user.id }, { transaction: t });
  });
}

async function cleanup() {
  const t = await sequelize.transaction();
  await Post.destroy({ where: { title: null }, transaction: t });
  await t.commit();
}

async function recount() {
  await sequelize.query("CALL recount_posts()");
}

module.exports = { publish, cleanup, recount };
"""


def test_sequelize_models_associations_and_transactions(make_app: MakeApp) -> None:
    result = analyze(
        make_app, {"models/index.js": SEQUELIZE_MODELS, "services/publish.js": SEQUELIZE_SERVICE}
    )
    # define() pluralises the model name unless tableName / freezeTableName say otherwise
    assert tables(result) == ["blog_posts", "post_tags", "tag", "Users"]
    assert keys(result) == {
        ("blog_posts", "Users", ("author_id",)),
        ("post_tags", "blog_posts", ()),
        ("post_tags", "tag", ()),
    }
    assert accesses(result) == {
        ("services/publish", "Users", "read"),
        ("services/publish", "blog_posts", "write"),
    }
    # a managed transaction (callback) and an unmanaged one (the rest of the function)
    assert transactions(result) == {
        ("publish", "sequelize", ("blog_posts", "Users")),
        ("cleanup", "sequelize", ("blog_posts",)),
    }
    assert findings(result) == {("stored-procedure", "services/publish.js", 17)}


PRISMA_SCHEMA = """\
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Account {
  id       Int       @id @default(autoincrement())
  invoices Invoice[]

  @@map("accounts")
  @@schema("billing")
}

model Invoice {
  id        Int     @id @default(autoincrement())
  accountId Int     @map("account_id")
  account   Account @relation(fields: [accountId], references: [id])
}
"""

PRISMA_SERVICE = """\
import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

export async function bill(accountId: number) {
  await prisma.$transaction(async (tx) => {
    await tx.account.findUniqueOrThrow({ where: { id: accountId } });
    await tx.invoice.create({ data: { accountId } });
  });
}

export async function batch() {
  return prisma.$transaction([prisma.invoice.deleteMany({ where: { accountId: 0 } })]);
}
"""


def test_prisma_schema_and_transactions(make_app: MakeApp) -> None:
    result = analyze(make_app, {"prisma/schema.prisma": PRISMA_SCHEMA, "src/billing.ts": PRISMA_SERVICE})
    assert [(t.name, t.schema, t.source, t.line) for t in result.model.tables] == [
        ("accounts", "billing", "prisma", 6),
        ("Invoice", None, "prisma", 14),
    ]
    # the key column is the field's @map name
    assert keys(result) == {("Invoice", "accounts", ("account_id",))}
    assert {(a.table, a.mode, a.line) for a in result.model.accesses} == {
        ("accounts", "read", 7),
        ("Invoice", "write", 8),
        ("Invoice", "write", 13),
    }
    assert transactions(result) == {
        ("bill", "prisma", ("accounts", "Invoice")),
        ("batch", "prisma", ("Invoice",)),
    }


def test_tracing_transactions_are_not_database_transactions(make_app: MakeApp) -> None:
    traced = """\
import * as Sentry from "@sentry/node";

export function handle(): void {
  const transaction = Sentry.startTransaction({ op: "task", name: "nightly" });
  transaction.finish();
}
"""
    result = analyze(make_app, {"src/entities/Customer.ts": CUSTOMER, "src/tasks.ts": traced})
    assert result.model.transactions == ()
