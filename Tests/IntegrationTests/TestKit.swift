// Every file of this target uses the shared test kit (freePort, NATSServerProcess).
@_exported import BrokerTesting
