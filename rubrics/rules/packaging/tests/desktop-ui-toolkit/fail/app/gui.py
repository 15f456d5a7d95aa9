# ruleid: desktop-ui-toolkit
import tkinter as tk
