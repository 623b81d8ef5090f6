"""Writes, one module per concern: bank, pairs, pair_orders (orders that fix or change a pair),
orders (the orders drafted from the records), paperwork (agreements)."""
