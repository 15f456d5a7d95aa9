"""Safe XML reading with line numbers: defusedxml's SAX parser building a tiny element tree.

Entity declarations, external entities and external DTDs are refused (no billion laughs, no XXE).
A document that is not well-formed still yields the elements read before the error.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from xml.sax import InputSource, SAXException, SAXParseException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, Locator

from defusedxml import DefusedXmlException, expatreader


@dataclass
class XmlNode:
    """An element: local tag name, attributes, direct text (stripped), start line, children."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[XmlNode] = field(default_factory=list)
    text: str = ""

    def child(self, tag: str) -> XmlNode | None:
        """The first child with local name ``tag``."""
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[XmlNode]:
        """Every child with local name ``tag``."""
        return [c for c in self.children if c.tag == tag]

    def path(self, *tags: str) -> XmlNode | None:
        """The node reached by following first children named ``tags``."""
        node: XmlNode | None = self
        for tag in tags:
            node = node.child(tag) if node else None
        return node

    def text_of(self, *tags: str) -> str | None:
        """Stripped text of the node at ``tags`` (None when absent or empty)."""
        node = self.path(*tags)
        return (node.text or None) if node else None

    def walk(self) -> list[XmlNode]:
        """This node and every descendant, in document order."""
        found: list[XmlNode] = []
        pending = [self]
        while pending:
            node = pending.pop()
            found.append(node)
            pending.extend(reversed(node.children))
        return found


@dataclass(frozen=True)
class XmlResult:
    """The (possibly partial) root element and an error message with its line, if any."""

    root: XmlNode | None
    error: str | None = None


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


class _TreeBuilder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.root: XmlNode | None = None
        self._stack: list[XmlNode] = []
        self._texts: list[list[str]] = []
        self._locator: Locator | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self._locator = locator

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        line = self._locator.getLineNumber() if self._locator else 0
        node = XmlNode(_local(name), {_local(k): v for k, v in attrs.items()}, line or 0)
        if self._stack:
            self._stack[-1].children.append(node)
        elif self.root is None:
            self.root = node
        self._stack.append(node)
        self._texts.append([])

    def characters(self, content: str) -> None:
        if self._texts:
            self._texts[-1].append(content)

    def endElement(self, name: str) -> None:
        node = self._stack.pop()
        node.text = "".join(self._texts.pop()).strip()

    def close_open(self) -> None:
        """Give the text read so far to elements left open by an error."""
        while self._stack:
            self.endElement("")


def parse_xml(text: str) -> XmlResult:
    """Parse XML text safely; never raises."""
    builder = _TreeBuilder()
    parser = expatreader.create_parser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(builder)
    source = InputSource()
    source.setCharacterStream(io.StringIO(text))
    error: str | None = None
    try:
        parser.parse(source)
    except SAXParseException as exc:
        error = f"not well-formed XML at line {exc.getLineNumber()}: {exc.getMessage()}"
    except DefusedXmlException as exc:
        error = f"refused XML with entity or DTD declarations ({type(exc).__name__})"
    except (SAXException, ValueError, RecursionError) as exc:
        error = f"unreadable XML ({exc})"
    builder.close_open()
    return XmlResult(builder.root, error)
