package pdf_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"koe/reports/pdf"
)

// Print the report koe wrote; without a browser, say how to get one.
func ExamplePrint() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := pdf.Print(ctx, "out/report/index.html", "out/report/report.pdf")
	if errors.Is(err, pdf.ErrNoBrowser) {
		fmt.Println(err) // says to apt-get install chromium
		return
	}
	if err != nil {
		fmt.Println(err)
	}
}
