package strokes

//go:generate go run ./gen
