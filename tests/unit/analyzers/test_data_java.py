"""Java: JPA entities and relations, Spring Data, JDBC, MyBatis / Hibernate XML, transactions, XA."""

from __future__ import annotations

from tests.unit.analyzers.data_support import MakeApp, accesses, analyze, findings, keys, tables, transactions

CUSTOMER = """\
package com.acme.crm;

import jakarta.persistence.*;

@Entity
@Table(name = "customers", schema = "crm")
public class Customer {
    @Id private Long id;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL)
    private List<PostalAddress> addresses;
}
"""

ADDRESS = """\
package com.acme.crm;

import jakarta.persistence.*;

@Entity
public class PostalAddress {
    @Id private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private Customer customer;

    @ManyToMany
    @JoinTable(name = "address_tags", joinColumns = @JoinColumn(name = "address_id"))
    private Set<Tag> tags;
}
"""

TAG = """\
package com.acme.crm;

@jakarta.persistence.Entity
public class Tag {
    @jakarta.persistence.Id private Long id;
}
"""

REPOSITORY = """\
package com.acme.crm;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, Long> {
    @Query("select c from Customer c where c.id in (select a.customer.id from PostalAddress a)")
    List<Customer> withAddresses();

    @Query(value = "SELECT count(*) FROM crm.customers WHERE created_at > now() - interval '1 day'", nativeQuery = true)
    long createdToday();
}
"""

SERVICE = """\
package com.acme.crm;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {
    private final CustomerRepository customers;
    private final AuditLog audit;

    public CustomerService(CustomerRepository customers, AuditLog audit) {
        this.customers = customers;
        this.audit = audit;
    }

    @Transactional
    public Customer register(Customer customer) {
        Customer saved = customers.save(customer);
        audit.record(saved.getId());
        return saved;
    }

    @Transactional(readOnly = true)
    public long today() {
        return customers.createdToday();
    }
}
"""

AUDIT = """\
package com.acme.crm;

import org.springframework.jdbc.core.JdbcTemplate;

public class AuditLog {
    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Long customerId) {
        jdbc.update("INSERT INTO audit_events (kind, ref_id) "
                + "VALUES ('customer', ?)", customerId);
    }
}
"""


def test_entities_relations_and_keys(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {
            "src/main/java/com/acme/crm/Customer.java": CUSTOMER,
            "src/main/java/com/acme/crm/PostalAddress.java": ADDRESS,
            "src/main/java/com/acme/crm/Tag.java": TAG,
        },
    )
    assert tables(result) == ["address_tags", "customers", "postal_address", "tag"]
    assert {(t.name, t.schema) for t in result.model.tables if t.name == "customers"} == {
        ("customers", "crm")
    }
    assert {(e.unit, e.table, e.orm) for e in result.model.entities} == {
        ("com.acme.crm.Customer", "customers", "jpa"),
        ("com.acme.crm.PostalAddress", "postal_address", "jpa"),
        ("com.acme.crm.Tag", "tag", "jpa"),
    }
    assert keys(result) == {
        ("postal_address", "customers", ("owner_id",)),
        ("address_tags", "postal_address", ()),
        ("address_tags", "tag", ()),
    }


def test_spring_data_jdbc_and_transactions(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {
            "src/main/java/com/acme/crm/Customer.java": CUSTOMER,
            "src/main/java/com/acme/crm/PostalAddress.java": ADDRESS,
            "src/main/java/com/acme/crm/CustomerRepository.java": REPOSITORY,
            "src/main/java/com/acme/crm/CustomerService.java": SERVICE,
            "src/main/java/com/acme/crm/AuditLog.java": AUDIT,
        },
    )
    assert accesses(result) == {
        ("com.acme.crm.CustomerRepository", "customers", "read"),
        ("com.acme.crm.CustomerRepository", "postal_address", "read"),
        ("com.acme.crm.CustomerService", "customers", "read"),
        ("com.acme.crm.CustomerService", "customers", "write"),
        ("com.acme.crm.CustomerService", "postal_address", "write"),
        ("com.acme.crm.AuditLog", "audit_events", "write"),
    }
    vias = {(a.table, a.via) for a in result.model.accesses if a.unit == "com.acme.crm.CustomerRepository"}
    assert vias == {("customers", "jpql"), ("postal_address", "jpql"), ("customers", "sql")}
    assert transactions(result) == {
        ("register", "spring", ("audit_events", "customers", "postal_address")),
        ("today", "spring", ("customers",)),
    }
    register = next(t for t in result.model.transactions if t.name == "register")
    assert (register.unit, register.line, register.depth, register.unresolved) == (
        "com.acme.crm.CustomerService",
        16,
        1,
        (),
    )


EJB = """\
package com.acme.claims;

import javax.ejb.Stateless;
import javax.ejb.TransactionAttribute;
import javax.ejb.TransactionAttributeType;
import javax.annotation.Resource;
import javax.sql.DataSource;

@Stateless
public class ClaimBean {
    @Resource(name = "jdbc/claims") private DataSource claims;

    public void approve(long id) {
        run("UPDATE claims SET status = 'APPROVED' WHERE id = ?", id);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int count() {
        return query("SELECT count(*) FROM claims");
    }

    private void run(String sql, long id) { }
    private int query(String sql) { return 0; }
}
"""

BATCH = """\
package com.acme.claims;

import javax.annotation.Resource;
import javax.transaction.UserTransaction;
import javax.sql.XADataSource;

public class NightlyTransfer {
    @Resource private UserTransaction utx;

    public void transfer(java.sql.Connection ledger) throws Exception {
        utx.begin();
        ledger.prepareStatement("INSERT INTO ledger_entries (claim_id) SELECT id FROM claims WHERE status = 'APPROVED'").execute();
        ledger.prepareCall("{call close_period(?)}").execute();
        utx.commit();
    }
}
"""


def test_ejb_container_transactions_user_transactions_and_xa(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {
            "src/main/java/com/acme/claims/ClaimBean.java": EJB,
            "src/main/java/com/acme/claims/NightlyTransfer.java": BATCH,
            "src/main/resources/META-INF/persistence.xml": (
                '<persistence><persistence-unit name="claims" transaction-type="JTA">\n'
                "<jta-data-source>java:/ClaimsXA</jta-data-source></persistence-unit></persistence>\n"
            ),
            "standalone.xml": '<datasources>\n  <xa-datasource jndi-name="java:/ClaimsXA" pool-name="ClaimsXA"/>\n</datasources>\n',
        },
    )
    assert transactions(result) == {
        ("approve", "ejb", ("claims",)),
        ("transfer", "jta", ("claims", "ledger_entries")),
    }
    assert all(t.distributed for t in result.model.transactions)
    assert findings(result) == {
        ("distributed-transaction", "src/main/java/com/acme/claims/NightlyTransfer.java", 5),
        ("distributed-transaction", "standalone.xml", 2),
        ("stored-procedure", "src/main/java/com/acme/claims/NightlyTransfer.java", 13),
    }


MAPPER_XML = """\
<?xml version="1.0" encoding="UTF-8" ?>
<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
<mapper namespace="com.acme.shop.OrderMapper">
  <select id="findOpen" resultType="Order">
    SELECT o.* FROM orders o
    <where>
      <if test="customer != null">o.customer_id = #{customer}</if>
      AND o.status &lt;&gt; 'CLOSED'
    </where>
  </select>
  <update id="close">
    <![CDATA[ UPDATE orders SET status = 'CLOSED' WHERE id = #{id} ]]>
  </update>
</mapper>
"""

HBM_XML = """\
<?xml version="1.0"?>
<hibernate-mapping package="com.acme.legacy">
  <class name="com.acme.legacy.Invoice" table="INVOICE">
    <id name="id" column="ID"/>
    <many-to-one name="customer" class="com.acme.legacy.Customer" column="CUSTOMER_ID"/>
    <set name="lines" inverse="true">
      <key column="INVOICE_ID"/>
      <one-to-many class="com.acme.legacy.InvoiceLine"/>
    </set>
  </class>
  <class name="com.acme.legacy.Customer" table="CUSTOMER"><id name="id" column="ID"/></class>
  <class name="com.acme.legacy.InvoiceLine" table="INVOICE_LINE"><id name="id" column="ID"/></class>
</hibernate-mapping>
"""


def test_mybatis_and_hibernate_xml(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {
            "src/main/resources/mappers/OrderMapper.xml": MAPPER_XML,
            "src/main/resources/Invoice.hbm.xml": HBM_XML,
        },
    )
    assert {(a.unit, a.table, a.mode, a.via, a.line) for a in result.model.accesses} == {
        ("com.acme.shop.OrderMapper", "orders", "read", "mybatis", 4),
        ("com.acme.shop.OrderMapper", "orders", "write", "mybatis", 11),
    }
    assert tables(result) == ["CUSTOMER", "INVOICE", "INVOICE_LINE"]
    assert keys(result) == {
        ("INVOICE", "CUSTOMER", ("CUSTOMER_ID",)),
        ("INVOICE_LINE", "INVOICE", ("INVOICE_ID",)),
    }


LEDGER = """\
package com.acme.ledger;

import java.sql.Connection;
import javax.sql.DataSource;
import jakarta.persistence.EntityManager;
import org.springframework.transaction.support.TransactionTemplate;

public class LedgerService {
    private final TransactionTemplate txTemplate;
    private final EntityManager em;
    private final DataSource dataSource;

    public LedgerService(TransactionTemplate txTemplate, EntityManager em, DataSource dataSource) {
        this.txTemplate = txTemplate;
        this.em = em;
        this.dataSource = dataSource;
    }

    public void post(long accountId) {
        txTemplate.executeWithoutResult(status -> {
            em.persist(new Posting(accountId));
        });
    }

    public void rebuild() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.createStatement().executeUpdate("DELETE FROM balances");
            connection.commit();
        }
    }
}
"""

POSTING = """\
package com.acme.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "postings")
public class Posting {
    public Posting(long accountId) { }
}
"""

ATOMIKOS = """\
package com.acme.ledger;

import com.atomikos.jdbc.AtomikosDataSourceBean;

public class XaConfig {
    public AtomikosDataSourceBean ledger() {
        AtomikosDataSourceBean bean = new AtomikosDataSourceBean();
        bean.setXaDataSourceClassName("org.postgresql.xa.PGXADataSource");
        return bean;
    }
}
"""


def test_transaction_template_jdbc_and_atomikos(make_app: MakeApp) -> None:
    files = {
        "src/main/java/com/acme/ledger/LedgerService.java": LEDGER,
        "src/main/java/com/acme/ledger/Posting.java": POSTING,
    }
    result = analyze(make_app, files)
    assert accesses(result) == {
        ("com.acme.ledger.LedgerService", "postings", "write"),  # em.persist(new Posting(…))
        ("com.acme.ledger.LedgerService", "balances", "write"),
    }
    assert transactions(result) == {
        ("post", "spring", ("postings",)),
        ("rebuild", "jdbc", ("balances",)),
    }
    assert not any(t.distributed for t in result.model.transactions)
    assert findings(result) == set()

    with_xa = analyze(make_app, {**files, "src/main/java/com/acme/ledger/XaConfig.java": ATOMIKOS})
    xa = "src/main/java/com/acme/ledger/XaConfig.java"
    assert findings(with_xa) == {
        ("distributed-transaction", xa, 3),  # the import
        ("distributed-transaction", xa, 7),  # new AtomikosDataSourceBean()
        ("distributed-transaction", xa, 8),  # the XA data source class name
    }
    # an app coordinating XA resources: its Spring transactions may be distributed
    assert {t.name for t in with_xa.model.transactions if t.distributed} == {"post"}


def test_spring_jta_configuration_is_a_distributed_transaction_site(make_app: MakeApp) -> None:
    result = analyze(
        make_app,
        {
            "src/main/resources/application.properties": "# spring.jta.enabled=false is a comment\n"
            "spring.datasource.url=jdbc:postgresql://db/ledger\n"
            "spring.jta.atomikos.properties.max-timeout=300000\n",
            "src/main/resources/application.yml": "spring:\n  jta:\n    enabled: true\n",
        },
    )
    assert findings(result) == {
        ("distributed-transaction", "src/main/resources/application.properties", 3),
        ("distributed-transaction", "src/main/resources/application.yml", 2),
    }
