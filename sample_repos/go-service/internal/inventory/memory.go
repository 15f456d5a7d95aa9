package inventory

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"
)

// MemoryRepository keeps items in memory. The service is stateless across restarts by design:
// the warehouse system re-publishes the full stock every hour.
type MemoryRepository struct {
	mu    sync.RWMutex
	items map[string]Item
	now   func() time.Time
}

// NewMemoryRepository returns an empty repository.
func NewMemoryRepository() *MemoryRepository {
	return &MemoryRepository{items: make(map[string]Item), now: time.Now}
}

// List returns all items ordered by SKU.
func (r *MemoryRepository) List(_ context.Context) ([]Item, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()

	items := make([]Item, 0, len(r.items))
	for _, item := range r.items {
		items = append(items, item)
	}
	sort.Slice(items, func(a, b int) bool { return items[a].SKU < items[b].SKU })
	return items, nil
}

// Get returns the item with the given SKU or ErrNotFound.
func (r *MemoryRepository) Get(_ context.Context, sku string) (Item, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()

	item, ok := r.items[sku]
	if !ok {
		return Item{}, fmt.Errorf("%w: %s", ErrNotFound, sku)
	}
	return item, nil
}

// Put creates or replaces an item.
func (r *MemoryRepository) Put(_ context.Context, item Item) (Item, error) {
	if err := item.Validate(); err != nil {
		return Item{}, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()

	item.UpdatedAt = r.now().UTC()
	r.items[item.SKU] = item
	return item, nil
}

// Adjust changes the on-hand quantity by delta (negative for goods out). The quantity may not
// drop below what is reserved.
func (r *MemoryRepository) Adjust(_ context.Context, sku string, delta int) (Item, error) {
	r.mu.Lock()
	defer r.mu.Unlock()

	item, ok := r.items[sku]
	if !ok {
		return Item{}, fmt.Errorf("%w: %s", ErrNotFound, sku)
	}
	if item.Quantity+delta < item.Reserved {
		return Item{}, fmt.Errorf("%w: %s has %d available, adjustment %d", ErrInsufficientStock, sku, item.Available(), delta)
	}
	item.Quantity += delta
	item.UpdatedAt = r.now().UTC()
	r.items[sku] = item
	return item, nil
}

// Delete removes an item; deleting a missing item returns ErrNotFound.
func (r *MemoryRepository) Delete(_ context.Context, sku string) error {
	r.mu.Lock()
	defer r.mu.Unlock()

	if _, ok := r.items[sku]; !ok {
		return fmt.Errorf("%w: %s", ErrNotFound, sku)
	}
	delete(r.items, sku)
	return nil
}
