# from opentelemetry import trace
import logging
