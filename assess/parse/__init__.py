"""The parse layer: source files → FileFacts (tree-sitter queries), config text → comment-free text."""

from assess.parse.code import SUPPORTED_LANGUAGES, parse_code
from assess.parse.config import CONFIG_FORMATS, blank_comments

__all__ = ["CONFIG_FORMATS", "SUPPORTED_LANGUAGES", "blank_comments", "parse_code"]
