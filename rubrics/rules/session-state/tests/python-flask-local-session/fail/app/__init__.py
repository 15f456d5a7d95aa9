from flask import Flask
from flask_session import Session

app = Flask(__name__)
# ruleid: python-flask-local-session
app.config.update(SESSION_TYPE="filesystem")
Session(app)
