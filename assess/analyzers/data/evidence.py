"""Sites of the data findings in code and config: XA / distributed transactions, stored procedures."""

from __future__ import annotations

import re

from assess.analyzers.data.records import Evidence, SqlSite
from assess.analyzers.data.source import SourceText

XA_RULE = "distributed-transaction"
PROCEDURE_RULE = "stored-procedure"
TRIGGER_RULE = "database-trigger"

_XA_IMPORT = re.compile(
    r"^(?:javax|jakarta)\.sql\.XA|^javax\.transaction\.xa\.|^com\.atomikos\.|^bitronix\.tm\.|^com\.arjuna\."
    r"|^org\.jboss\.narayana\.|\.JtaTransactionManager$|^System\.Transactions\.TransactionInterop"
)
_XA_CONSTRUCTED = re.compile(
    r"^(?:\w*XADataSource\w*|AtomikosDataSourceBean|AtomikosConnectionFactoryBean|UserTransactionManager"
    r"|UserTransactionImp|JtaTransactionManager|PoolingDataSource|CommittableTransaction)$"
)
_XA_CALL = re.compile(
    r"^(?:EnlistDistributedTransaction|EnlistTransaction|GetTransmitterPropagationToken|tpc_begin|tpc_commit|tpc_prepare|xa_start)$"
)
_XA_STRING = re.compile(r"XADataSource|XAConnectionFactory")
_XA_CONFIG = re.compile(
    r"(?i)<xa-datasource\b|xa-datasource-class|xa[-_.]?data[-_]?source[-_.]?class|XADataSource\b|\bspring\.jta\.|"
    r"\bjta\s*:\s*$|\batomikos\b|\bbitronix\b|\bnarayana\b|XAConnectionFactory"
)
_PROCEDURE_CALL = re.compile(
    r"^(?:prepareCall|createStoredProcedureQuery|createNamedStoredProcedureQuery|callproc|callProcedure)$"
)
_PROCEDURE_CONSTRUCTED = re.compile(r"^(?:SimpleJdbcCall|StoredProcedureQuery|StoredProcedure)$")
_PROCEDURE_ANNOTATION = re.compile(r"^(?:Procedure|NamedStoredProcedureQuery|NamedStoredProcedureQueries)$")
_CSHARP_PROCEDURE = re.compile(r"CommandType\s*\.\s*StoredProcedure")
_COMMENT_LINE = re.compile(r"^\s*(//|\*|/\*|#|--)")


def code_evidence(src: SourceText, sql: list[SqlSite]) -> list[Evidence]:
    """XA and stored-procedure sites of one code file (SQL statements included)."""
    facts = src.facts
    if facts is None:
        return []
    found: list[Evidence] = []
    for item in facts.imports:
        if _XA_IMPORT.search(item.module):
            found.append(Evidence(XA_RULE, item.line, item.module))
    for call in facts.calls:
        if (call.kind == "new" and _XA_CONSTRUCTED.match(call.name)) or _XA_CALL.match(call.name):
            found.append(Evidence(XA_RULE, call.line, call.name))
        elif (call.kind == "new" and _PROCEDURE_CONSTRUCTED.match(call.name)) or _PROCEDURE_CALL.match(
            call.name
        ):
            found.append(Evidence(PROCEDURE_RULE, call.line, call.callee))
    for literal in facts.strings:
        if _XA_STRING.search(literal.value) and len(literal.value) < 200:
            found.append(Evidence(XA_RULE, literal.line, literal.value))
    for annotation in facts.annotations:
        if _PROCEDURE_ANNOTATION.match(annotation.name.rsplit(".", 1)[-1]):
            found.append(Evidence(PROCEDURE_RULE, annotation.line, annotation.name))
    if src.language == "csharp":
        for number, text in enumerate(src.lines, start=1):
            if _CSHARP_PROCEDURE.search(text) and not _COMMENT_LINE.match(text):
                found.append(Evidence(PROCEDURE_RULE, number, "CommandType.StoredProcedure"))
    for site in sql:
        if site.use.calls_routine:
            found.append(Evidence(PROCEDURE_RULE, site.line, site.use.calls_routine))
        if site.use.routine:
            kind, name = site.use.routine
            found.append(
                Evidence(TRIGGER_RULE if kind == "trigger" else PROCEDURE_RULE, site.line, f"{kind} {name}")
            )
    return found


def config_evidence(src: SourceText) -> list[Evidence]:
    """XA data sources and JTA transaction managers configured in XML / YAML / properties files."""
    found: list[Evidence] = []
    for number, text in enumerate(src.lines, start=1):
        if _COMMENT_LINE.match(text) or text.lstrip().startswith("<!--"):
            continue
        if _XA_CONFIG.search(text):
            found.append(Evidence(XA_RULE, number, text.strip()[:120]))
    return found
