# ruleid: hardcoded-secret-in-code
Stripe.api_key = "rk_live_51Hx9"
# ruleid: hardcoded-secret-in-code
SMTP = { user_name: "shop", password: "smtp-pass-1" }
