package inventory

import "context"

// Repository stores items by SKU. Implementations must be safe for concurrent use.
type Repository interface {
	List(ctx context.Context) ([]Item, error)
	Get(ctx context.Context, sku string) (Item, error)
	Put(ctx context.Context, item Item) (Item, error)
	Adjust(ctx context.Context, sku string, delta int) (Item, error)
	Delete(ctx context.Context, sku string) error
}
