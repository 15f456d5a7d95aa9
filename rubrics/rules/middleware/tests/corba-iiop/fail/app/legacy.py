# ruleid: corba-iiop
from omniORB import CORBA
