module huanjie

go 1.26.0

require (
	github.com/pelletier/go-toml/v2 v2.4.3
	github.com/rivo/uniseg v0.4.7
	golang.org/x/image v0.47.0
	golang.org/x/text v0.43.0
)
