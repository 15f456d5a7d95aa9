# Code is not a config file: hard-coded secrets in code are out of scope for this rule.
DB_PASSWORD = "not-a-config-file"
