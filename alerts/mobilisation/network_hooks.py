"""Admin hooks of the network: partners, their capabilities and contacts, resource types."""
