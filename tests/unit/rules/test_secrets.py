"""Masking of credentials in snippets and messages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assess.rules import secrets
from assess.rules.secrets import mask_secrets


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("spring.datasource.password=s3cret!", "s3cret!"),
        ('SECRET_KEY = "django-insecure-abc123"', "django-insecure-abc123"),
        ('"ApiKey": "abcd1234efgh"', "abcd1234efgh"),
        ("password: changeme", "changeme"),
        ("DB_PASSWORD=secret", "secret"),
        ('<add name="db" connectionString="Server=.;User Id=sa;Password=P@ssw0rd;"/>', "P@ssw0rd"),
        ("url: postgres://shop:hunter2@db:5432/shop", "hunter2"),
        ("aws_key = AKIAABCDEFGHIJKLMNOP", "AKIAABCDEFGHIJKLMNOP"),
        ('token => "ghp_abcdefghijklmnopqrstuvwxyz0123456789"', "ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
        ("'password' => env('DB_PASSWORD', 'forge-secret')", "forge-secret"),
        ("<password>d3pl0y-me</password>", "d3pl0y-me"),
        ('<add key="SmtpPassword" value="mailpass99" />', "mailpass99"),
        ('<add key="PaymentApiKey" value="pk_live_51HxYz" />', "pk_live_51HxYz"),
        ('<property name="password" value="s3cr3t"/>', "s3cr3t"),
    ],
)
def test_secret_values_are_masked(text: str, secret: str) -> None:
    masked = mask_secrets(text)
    assert secret not in masked
    assert "****" in masked


@pytest.mark.parametrize(
    "text",
    [
        "db.password=${DB_PASSWORD}",
        "tokenizer = Tokenizer()",
        'author = "Jane"',
        "passwordField.setVisible(true);",
        "<password>${DB_PASSWORD}</password>",
        '<add key="Theme" value="dark" />',
    ],
)
def test_non_secrets_are_left_alone(text: str) -> None:
    assert mask_secrets(text) == text


_FRAGMENTS = st.sampled_from(
    [
        "password",
        "PassWord",
        "api_key",
        "ApiKey",
        "TOKEN",
        "monkey",
        "secret_hash",
        "https://u:p@h",
        "ghp_",
        "İ",  # lowers to two characters: the case-insensitive path
        "é",
        " = ",
        ": ",
        "=>",
        "'",
        '"',
        "]",
        "s3cr3t!value",
        "x",
        " ",
        "\n",
        "\r\n",
        "\r",
        "\u2028",
        "\x85",
        "\x0c",
    ]
)
_TEXTS = st.lists(_FRAGMENTS, max_size=40).map("".join)


@given(_TEXTS)
def test_the_lines_worth_looking_at_are_those_a_line_by_line_search_finds(text: str) -> None:
    expected = [line for line in text.splitlines() if secrets._WORTH_LOOKING.search(line)]
    assert secrets._worth_looking(text) == expected


@given(_TEXTS)
def test_the_assignment_pattern_matches_only_where_its_linear_gate_does(text: str) -> None:
    assert bool(secrets._ASSIGNMENT.search(text)) == bool(secrets._ASSIGNMENT_TAIL.search(text))
