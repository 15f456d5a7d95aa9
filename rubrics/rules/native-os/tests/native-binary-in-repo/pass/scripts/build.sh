#!/bin/sh
make libtwain.so
