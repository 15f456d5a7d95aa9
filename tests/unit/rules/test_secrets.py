"""Masking of credentials in snippets and messages."""

from __future__ import annotations

import pytest

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
