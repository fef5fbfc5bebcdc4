"""The rule kinds: how a YAML rule matches. Adding a rule never needs Python; adding a kind does."""
