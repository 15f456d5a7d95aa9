package pay

// ruleid: hardcoded-secret-in-code
const apiToken = "tok_9f8e7d6c5b4a"

func client() *Client {
    // ruleid: hardcoded-secret-in-code
    return &Client{Secret: "whsec_abc123def"}
}
