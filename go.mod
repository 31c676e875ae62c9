module huanjie

go 1.26
