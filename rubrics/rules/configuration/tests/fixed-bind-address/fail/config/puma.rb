# ruleid: fixed-bind-address
bind "tcp://127.0.0.1:3000"
