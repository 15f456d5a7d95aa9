from flask import Flask
app = Flask(__name__)
if __name__ == "__main__":
    # ruleid: fixed-bind-address
    app.run(host="127.0.0.1", port=5000)
