#ifndef QUARK_CZEROMQ_SHIM_H
#define QUARK_CZEROMQ_SHIM_H
#include <zmq.h>
#include <sys/eventfd.h>
#endif
