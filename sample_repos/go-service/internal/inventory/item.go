// Package inventory holds the stock items the service manages.
package inventory

import (
	"errors"
	"fmt"
	"regexp"
	"time"
)

// Errors returned by repositories and validation.
var (
	ErrNotFound          = errors.New("item not found")
	ErrInsufficientStock = errors.New("insufficient stock")
	ErrInvalid           = errors.New("invalid item")
)

var skuPattern = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]{2,39}$`)

// Item is the stock of one SKU in one warehouse.
type Item struct {
	SKU       string    `json:"sku"`
	Name      string    `json:"name"`
	Warehouse string    `json:"warehouse"`
	Quantity  int       `json:"quantity"`
	Reserved  int       `json:"reserved"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// Available is the quantity that can still be promised to customers.
func (i Item) Available() int {
	return i.Quantity - i.Reserved
}

// Validate checks the fields a client may set.
func (i Item) Validate() error {
	switch {
	case !skuPattern.MatchString(i.SKU):
		return fmt.Errorf("%w: sku %q must be 3-40 upper-case letters, digits or dashes", ErrInvalid, i.SKU)
	case i.Name == "":
		return fmt.Errorf("%w: name is required", ErrInvalid)
	case i.Warehouse == "":
		return fmt.Errorf("%w: warehouse is required", ErrInvalid)
	case i.Quantity < 0:
		return fmt.Errorf("%w: quantity must not be negative", ErrInvalid)
	case i.Reserved < 0 || i.Reserved > i.Quantity:
		return fmt.Errorf("%w: reserved must be between 0 and quantity", ErrInvalid)
	}
	return nil
}
