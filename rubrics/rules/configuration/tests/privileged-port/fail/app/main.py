from flask import Flask
app = Flask(__name__)
# ruleid: privileged-port
app.run(host="0.0.0.0", port=80)
