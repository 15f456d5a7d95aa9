"""The parse layer: source files → FileFacts (tree-sitter queries), config text → comment-free text."""

from assess.parse.code import SUPPORTED_LANGUAGES, parse_code
from assess.parse.config import BUILD_SCRIPT, CONFIG_FORMATS, blank_comments, build_script_text

__all__ = [
    "BUILD_SCRIPT",
    "CONFIG_FORMATS",
    "SUPPORTED_LANGUAGES",
    "blank_comments",
    "build_script_text",
    "parse_code",
]
